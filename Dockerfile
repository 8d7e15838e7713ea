# One image for every process of the portal; its command chooses which (deploy/entrypoint.sh):
#   docker run IMAGE gateway | identity | automation | billing | documents | communities | courses |
#                    appointments | affiliates | migrate
# docs/operations.md ("Deploy") tells how to build and run it.
ARG NODE_IMAGE=node:24-bookworm-slim

# Every dependency, to build the web app and compile the servers' TypeScript (esbuild, as `npm start` does).
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY gateway/package.json gateway/
COPY sdk/package.json sdk/
COPY web/package.json web/
COPY subgraphs/affiliates/package.json subgraphs/affiliates/
COPY subgraphs/appointments/package.json subgraphs/appointments/
COPY subgraphs/automation/package.json subgraphs/automation/
COPY subgraphs/billing/package.json subgraphs/billing/
COPY subgraphs/communities/package.json subgraphs/communities/
COPY subgraphs/contracts/package.json subgraphs/contracts/
COPY subgraphs/courses/package.json subgraphs/courses/
COPY subgraphs/documents/package.json subgraphs/documents/
COPY subgraphs/identity/package.json subgraphs/identity/
COPY subgraphs/kit/package.json subgraphs/kit/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:web && node scripts/dev-build.ts

# Production dependencies only: the root's and the server packages' (not the web app's: it is served built).
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY gateway/package.json gateway/
COPY subgraphs/affiliates/package.json subgraphs/affiliates/
COPY subgraphs/appointments/package.json subgraphs/appointments/
COPY subgraphs/automation/package.json subgraphs/automation/
COPY subgraphs/billing/package.json subgraphs/billing/
COPY subgraphs/communities/package.json subgraphs/communities/
COPY subgraphs/contracts/package.json subgraphs/contracts/
COPY subgraphs/courses/package.json subgraphs/courses/
COPY subgraphs/documents/package.json subgraphs/documents/
COPY subgraphs/identity/package.json subgraphs/identity/
COPY subgraphs/kit/package.json subgraphs/kit/
# Without web/ and sdk/ here, npm installs none of their packages.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    SUPERGRAPH_PATH=/app/schema/supergraph.graphql \
    WEB_DIST_DIR=/app/web/dist
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
# The compiled servers keep the sources' layout (dist/gateway/src/main.js, dist/subgraphs/<name>/src/main.js,
# dist/scripts/migrate.js); their own node_modules links @portal/* to the compiled packages.
COPY --from=build /app/node_modules/.cache/portal-dev ./dist
COPY --from=build /app/web/dist ./web/dist
COPY --from=build /app/web/src/gql/persisted-documents.json ./web/src/gql/
COPY --from=build /app/schema/supergraph.graphql ./schema/
COPY deploy/entrypoint.sh /usr/local/bin/portal
USER node
EXPOSE 4000
ENTRYPOINT ["portal"]
CMD ["gateway"]
