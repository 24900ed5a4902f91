"""A faithful offline simulator of the Wan2.5 text-to-image API (see `simulator/README.md`).

`simulator.app.create_app` builds the aiohttp app, `simulator.server.start_simulator` runs it on a port,
`python -m simulator` runs it from the command line.
"""
