pm rates list
