// Buttons marked data-print open the browser's print dialog (no inline handlers: the CSP allows scripts from 'self' only).
// Delegated, so a button that htmx swapped in works too.
document.addEventListener('click', event => {
    if (event.target instanceof Element && event.target.closest('[data-print]')) {
        window.print();
    }
});
