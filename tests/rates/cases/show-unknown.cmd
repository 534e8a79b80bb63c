pm rates show exampel
