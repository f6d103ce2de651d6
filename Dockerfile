# councilgraph: the GraphQL API, playground and dashboard, against Neo4j (NEO4J_URI) or the
# embedded Kuzu store (COUNCILGRAPH_DB, default /data).
FROM node:20-bookworm-slim

WORKDIR /app
ENV NODE_ENV=production \
    COUNCILGRAPH_DB=/data \
    HOST=0.0.0.0 \
    PORT=4000

# Dependencies first, so source edits reuse this layer. Dev dependencies are needed once, to
# build the browser bundles (vite); they are pruned afterwards.
COPY package.json package-lock.json ./
RUN npm ci --include=dev --ignore-scripts && npm rebuild kuzu esbuild

COPY . .
RUN npm run -s build:web && npm prune --omit=dev --ignore-scripts && mkdir -p /data

EXPOSE 4000
VOLUME ["/data"]
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"

# Default: ingest the sample minutes, then serve. docker-compose.yml overrides this to use Neo4j.
CMD ["node", "bin/councilgraph.js", "start", "--host", "0.0.0.0"]
