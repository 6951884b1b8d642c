new daktela.RetryConfig({maxRetries: -1})
