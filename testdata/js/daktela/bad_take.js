const request = daktela.buildReadRequest("Users");
request.setTake(10.5);
