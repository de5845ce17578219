# syntax=docker/dockerfile:1
# Kruzhok bot image. Build: docker build -t kruzhok .   Run with PostgreSQL: docker compose up
# (see README.md). Two stages: Maven builds the jar, a slim JRE image runs it as a non-root user.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
COPY src src
# The Maven repository is a BuildKit cache, so a rebuild downloads nothing; tests are not even
# compiled here (they need a browser and run in CI; maven.test.skip skips failsafe's *IT too).
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -q package -Dmaven.test.skip=true
# Spring Boot's own tool unpacks the fat jar into a plain jar + lib/, which starts faster than
# loading classes from nested jars.
RUN java -Djarmode=tools -jar target/kruzhok-*.jar extract --destination /build/app \
    && mv /build/app/kruzhok-*.jar /build/app/kruzhok.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system kruzhok && useradd --system --gid kruzhok --home-dir /app --shell /usr/sbin/nologin kruzhok
WORKDIR /app
# Spring Boot reads ./config/application.yml from the working directory; flows live in ./dialogs.
COPY config/ config/
COPY dialogs/ dialogs/
COPY --from=build /build/app/lib/ lib/
COPY --from=build /build/app/kruzhok.jar kruzhok.jar
RUN mkdir -p /app/data && chown -R kruzhok:kruzhok /app/data
ENV DATA_DIR=/app/data \
    SERVER_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# With no DATABASE_URL the bot keeps an embedded PostgreSQL here (x86_64 only: the jar carries the
# Linux x86_64 PostgreSQL 17 binaries and no others, see pom.xml); uploads and exports too.
VOLUME ["/app/data"]
USER kruzhok
EXPOSE 8080
# curl comes with the eclipse-temurin Ubuntu images. Start-up (embedded PostgreSQL, Flyway) takes
# seconds, hence the start period.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/actuator/health || exit 1
# Exec form: java is PID 1 and gets docker stop's SIGTERM, so shutdown is graceful.
ENTRYPOINT ["java", "-jar", "/app/kruzhok.jar"]
