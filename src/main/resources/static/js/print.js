// Buttons marked data-print open the browser's print dialog (no inline handlers: the CSP allows scripts from 'self' only).
document.querySelectorAll('[data-print]').forEach(button => button.addEventListener('click', () => window.print()));
