# Images of the Node parts of Kompas, run from source with tsx (no separate compile step):
#   target collector   the Kompas collector (OTLP/HTTP on 4318 -> TimescaleDB; applies migrations at start)
#   target loadgen     the demo shop load generator (OTLP out, incident control endpoint on 8090)
#   target alert-sink  prints Grafana alert notifications (webhook on 8099)
# Build context: the repository root (docker-compose.yml does this).
FROM node:20.19-bookworm-slim AS base
WORKDIR /app
# Dev dependencies are needed at run time: tsx, pg, prom-client and protobufjs are devDependencies.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund && npm cache clean --force
COPY tsconfig.json ./
COPY .config/tsconfig.json ./.config/tsconfig.json
COPY servicegraph ./servicegraph
ENV NODE_OPTIONS=--enable-source-maps

FROM base AS collector
COPY collector ./collector
RUN mkdir -p /var/lib/kompas/spool && chown node:node /var/lib/kompas/spool
USER node
ENV KOMPAS_SPOOL_DIR=/var/lib/kompas/spool KOMPAS_LISTEN_PORT=4318
EXPOSE 4318
STOPSIGNAL SIGTERM
CMD ["node_modules/.bin/tsx", "collector/src/main.ts"]

FROM base AS loadgen
COPY demo ./demo
USER node
EXPOSE 8090
CMD ["node_modules/.bin/tsx", "demo/src/node/loadgen.ts"]

FROM base AS alert-sink
COPY stack/alert-sink ./stack/alert-sink
USER node
EXPOSE 8099
CMD ["node_modules/.bin/tsx", "stack/alert-sink/main.ts"]
