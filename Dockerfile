# councilgraph: the GraphQL API, playground and dashboard, against Neo4j (NEO4J_URI) or the
# embedded Kuzu store (COUNCILGRAPH_DB, default /data).
#
# Node 22, the maintained LTS line (Node 20 reached end of life in April 2026; the code runs on
# 20.19+ and 22). Two stages: the browser bundles are built with the dev dependencies, and the
# image gets only the runtime ones, without Kuzu's C++ sources, running as the unprivileged
# `node` user. test/deploy/image.test.ts runs the runtime stage's steps outside Docker.

FROM node:22-bookworm-slim AS bundles
WORKDIR /build
COPY package.json package-lock.json ./
# Install scripts run explicitly: npm 10 (this image's) does not read package.json allowScripts.
RUN npm ci --ignore-scripts && npm rebuild kuzu esbuild
COPY . .
RUN npm run -s build:web

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    COUNCILGRAPH_DB=/data \
    HOST=0.0.0.0 \
    PORT=4000

COPY package.json package-lock.json ./
COPY scripts/image-install.sh scripts/image-install.sh
RUN sh scripts/image-install.sh && npm cache clean --force
COPY bin bin
COPY src src
COPY cypher cypher
COPY ingest ingest
COPY schema.graphql tsconfig.json ./
COPY --from=bundles /build/dist dist
RUN mkdir -p /data && chown node:node /data

USER node
EXPOSE 4000
VOLUME ["/data"]
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"

# Default: ingest the sample minutes into /data, then serve. docker-compose.yml runs it against Neo4j.
CMD ["node", "bin/councilgraph.js", "start", "--host", "0.0.0.0"]
