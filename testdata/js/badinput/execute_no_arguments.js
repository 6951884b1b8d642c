daktela.client().execute()
