pm --lang zh norms list
