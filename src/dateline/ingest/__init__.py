"""Reading inputs: files, folders, JSON Lines, archives, feeds → raw inputs."""
