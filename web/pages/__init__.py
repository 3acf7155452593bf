"""The pages: each module holds one area's routes, reading and acting through the
same services as the command line."""
