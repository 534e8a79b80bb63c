pm norms
