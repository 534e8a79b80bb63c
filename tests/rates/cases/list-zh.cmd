pm --lang zh rates list
