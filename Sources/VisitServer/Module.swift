// The server: see Server.swift.
