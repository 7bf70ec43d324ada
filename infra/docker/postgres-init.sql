-- One database per service on the one PostgreSQL server of docker-compose.yml (the names of
-- SERVICE_DATABASE in libs/config/src/app-names.ts). The postgres image runs this once, when
-- its data volume is empty; each service's `main.js migrate` then creates its tables.
CREATE DATABASE roster;
CREATE DATABASE booking;
CREATE DATABASE client_record;
CREATE DATABASE notification;
