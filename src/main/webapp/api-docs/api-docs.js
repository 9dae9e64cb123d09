// The API browser: Swagger UI on the application's own OpenAPI document (GET /openapi).
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: new URL('../openapi', window.location.href).toString(),
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: false
  });
});
