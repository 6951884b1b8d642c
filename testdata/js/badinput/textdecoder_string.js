// TextDecoder.decode of a string (it takes bytes): a TypeError at the script's line.
const text = new TextDecoder().decode("already text");
