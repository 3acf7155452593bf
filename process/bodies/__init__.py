"""process.bodies.bodies."""
