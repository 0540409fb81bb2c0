"""Write stage: put generated files in the build's own folders and build the sites, atomically."""
