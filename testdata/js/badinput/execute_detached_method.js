const {execute} = daktela.client()
execute(daktela.buildReadRequest("Users"))
