const new = 5
