daktela.buildReadRequest("Users").addSort();
