daktela.FormatHelper.getNormalizedPhoneNumber({number: "123"})
