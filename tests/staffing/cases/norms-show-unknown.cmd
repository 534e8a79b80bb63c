pm norms show cn-standad
