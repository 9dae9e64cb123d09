/*
 * Charts are pictures to a screen reader: each chart's canvas is named after the panel that holds
 * it (the table beside it carries the figures). Run at load and after every ajax update.
 */
(function () {
    function nameCharts() {
        document.querySelectorAll('canvas').forEach(function (canvas) {
            if (canvas.getAttribute('aria-label')) {
                return;
            }
            var panel = canvas.closest('.ui-panel');
            var title = panel ? panel.querySelector('.ui-panel-title') : null;
            canvas.setAttribute('role', 'img');
            canvas.setAttribute('aria-label', title ? title.textContent.trim() : document.title);
        });
    }
    document.addEventListener('DOMContentLoaded', nameCharts);
    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxComplete', nameCharts);
    }
    window.addEventListener('load', function () {
        window.setTimeout(nameCharts, 0);
    });
})();
