FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Dependencies first, so code changes do not reinstall them.
COPY requirements.txt ./
RUN python -m pip install -r requirements.txt

RUN useradd --create-home --uid 10001 imagine \
    && mkdir -p /app/data \
    && chown imagine:imagine /app/data

COPY bot.py ./
COPY cogs ./cogs
COPY discord_side ./discord_side
COPY services ./services
COPY simulator ./simulator

USER imagine
# The web server (callbacks, /healthz, /metrics) listens on all interfaces inside the container.
ENV WEB_HOST=0.0.0.0 WEB_PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('WEB_PORT', '8080'), timeout=4)"
# The SQLite database (DATABASE_URL=sqlite:///data/imagine.db) lives here: keep it on a volume.
VOLUME ["/app/data"]
STOPSIGNAL SIGTERM
CMD ["python", "bot.py"]
