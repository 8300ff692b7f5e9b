# syntax=docker/dockerfile:1
#
# Passport host image: one ASP.NET Core process that co-hosts the Orleans silo, the HTTP API, the SignalR hubs
# and the Blazor pages. Build from the repository root:
#
#   docker build -t passport .
#
# docker-compose.yml runs two of these against one PostgreSQL and one Redis; docs/operations.md describes the
# configuration keys.

# ---------------------------------------------------------------------------------------------------------------
# Build stage
# ---------------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Build settings first (SDK pin, shared MSBuild properties, central package versions, analyzer rules: the build
# treats warnings as errors and enforces code style, so .editorconfig must be present).
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig Passport.sln ./
COPY src/ src/
COPY content/ content/

# The NuGet package cache is a BuildKit cache mount, so a source change does not download every package again.
RUN --mount=type=cache,id=passport-nuget,target=/root/.nuget/packages \
    dotnet publish src/Passport.Web/Passport.Web.csproj -c Release -o /app --no-self-contained

# The host reads content/ (sectors, demo data) next to its binaries; the build copies it there. Fail here,
# not at start-up, if it did not.
RUN test -d /app/content || { echo "error: the publish output has no content/ directory" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------------------
# Runtime stage
# ---------------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# curl is only for the container health checks in docker-compose.yml (the aspnet image ships neither curl nor
# wget). Installed while still root.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY --from=build /app ./

# With the default Storage:Provider=Sqlite the database (and its start-up lock file) goes to data/ under the
# working directory; give the non-root user a place to write it. With Postgres only data/keys is used: the
# credential issuer keys (Credentials:KeyDirectory), mounted as a volume shared by all hosts.
RUN mkdir -p /app/data/keys && chown -R "$APP_UID" /app/data && chmod 700 /app/data/keys

# Bind through ASPNETCORE_URLS only. The base image also sets ASPNETCORE_HTTP_PORTS=8080; clearing it avoids
# the "Overriding HTTP_PORTS" warning at every start.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS=

# 8080: HTTP (API, SignalR hubs, pages). 11111: Orleans silo-to-silo. 30000: Orleans gateway.
EXPOSE 8080 11111 30000

# Non-root user provided by the official .NET images (APP_UID=1654, user "app").
USER $APP_UID

ENTRYPOINT ["dotnet", "Passport.Web.dll"]
