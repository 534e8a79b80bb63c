pm norms list
