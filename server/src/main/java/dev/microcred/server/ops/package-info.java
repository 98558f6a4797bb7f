/**
 * Operations: the Prometheus metrics registry and its {@code /metrics} exposition (text format 0.0.4), the OpenAPI
 * document of the JSON API at {@code /openapi.json}, and readiness.
 */
package dev.microcred.server.ops;
