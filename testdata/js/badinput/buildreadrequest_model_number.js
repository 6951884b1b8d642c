daktela.RequestFactory.buildReadRequest(42)
