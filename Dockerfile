# Image of the Dunflow API and worker; docker-compose.yml picks the role by command.
FROM node:20-bookworm-slim
RUN npm install --global pnpm@10.34.9
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile
ENV NODE_ENV=production
