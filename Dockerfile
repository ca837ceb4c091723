# The portal's image: gunicorn for the web, the same image runs the Celery worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VAR_DIR=/srv/var \
    MEDIA_ROOT=/srv/var/media \
    STATIC_ROOT=/srv/static

# WeasyPrint needs Pango (and HarfBuzz, fontconfig); PDFs need fonts with Cyrillic; curl serves the health check.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libffi8 shared-mime-info \
      fontconfig fonts-dejavu-core fonts-liberation2 fonts-noto-core curl \
 && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 silver
WORKDIR /srv/app

# Dependencies first (from pyproject.toml, pinned by requirements.lock), so code changes reuse this layer.
COPY pyproject.toml requirements.lock ./
RUN pip install -c requirements.lock .

COPY . .
# Static files are collected with the production storage (hashed names), which needs DEBUG off.
RUN DEBUG=1 python manage.py compile_translations \
 && DEBUG=0 SECRET_KEY=build-only-not-used-at-run-time python manage.py collectstatic --noinput \
 && mkdir -p /srv/var/media /srv/var/private && chown -R silver:silver /srv/var

USER silver
EXPOSE 8000
CMD ["gunicorn", "silvercentre.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
