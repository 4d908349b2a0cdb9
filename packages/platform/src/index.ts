// The PlexMCP platform: storage, organizations, members, managed API keys and the /v1 routes.
// Its public surface is named here as it is built.
export {};
