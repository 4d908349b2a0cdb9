# syntax=docker/dockerfile:1
# plexmcp MCP server over HTTP. Needs PLEX_URL, PLEX_TOKEN and PLEX_MCP_API_KEYS at run time:
# the server refuses to listen on 0.0.0.0 without API keys.

FROM node:20-slim AS build
WORKDIR /src
RUN npm i -g pnpm@10
COPY . .
RUN pnpm install --frozen-lockfile \
  && pnpm build \
  && pnpm --filter @plexmcp/mcp-server deploy --prod --legacy /out

FROM node:20-slim
ENV NODE_ENV=production \
    PLEX_MCP_TRANSPORT=http \
    PLEX_MCP_HOST=0.0.0.0 \
    PLEX_MCP_PORT=3001
WORKDIR /app
COPY --from=build --chown=node:node /out ./
USER node
EXPOSE 3001
HEALTHCHECK --interval=30s --timeout=5s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3001/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "bin/plex-mcp-server.js"]
