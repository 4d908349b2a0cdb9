# syntax=docker/dockerfile:1
# plexmcp MCP server over HTTP, with the platform (organizations, members, managed API keys on
# /v1) and its web console at /. Needs PLEX_URL and PLEX_TOKEN at run time. The container listens
# on 0.0.0.0, so every request needs a key: configured ones (PLEX_MCP_API_KEYS) or managed ones
# made in the running container, e.g.
#   docker exec -it <container> plex-mcp-server admin init --org Home --email you@example.com
# which prints the organization's first admin key once. Until a key exists the server answers
# 401. The platform's data (SQLite database and secret.key) lives in the /data volume: keep it,
# since a lost secret.key makes the stored secrets unreadable (or set PLEXMCP_SECRET_KEY).

FROM node:20-slim AS build
# better-sqlite3 is native: when no prebuilt binary matches, it compiles with these.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /src
RUN npm i -g pnpm@10
COPY . .
RUN pnpm install --frozen-lockfile \
  && pnpm build \
  && pnpm --filter @plexmcp/mcp-server deploy --prod --legacy /out \
  && pnpm --filter @plexmcp/platform deploy --prod --legacy /platform \
  && pnpm --filter @plexmcp/console deploy --prod --legacy /console

FROM node:20-slim
ENV NODE_ENV=production \
    PLEX_MCP_TRANSPORT=http \
    PLEX_MCP_HOST=0.0.0.0 \
    PLEX_MCP_PORT=3001 \
    PLEXMCP_DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=node:node /out ./
# The server imports the platform lazily, as an optional peer: installed beside it here.
COPY --from=build --chown=node:node /platform ./node_modules/@plexmcp/platform
# The web console at / (built files only), found beside the server the same way.
COPY --from=build --chown=node:node /console ./node_modules/@plexmcp/console
# `plex-mcp-server …` for docker exec (admin init, keys, members), on PATH.
RUN ln -s /app/bin/plex-mcp-server.js /usr/local/bin/plex-mcp-server \
  && mkdir -p /data \
  && chown node:node /data
VOLUME /data
USER node
EXPOSE 3001
HEALTHCHECK --interval=30s --timeout=5s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3001/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "bin/plex-mcp-server.js"]
