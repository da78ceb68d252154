// An error summary takes focus when the page opens, so screen readers read it and keyboard users start there;
// its links move focus to the field they name (the browser scrolls to the label too).
document.addEventListener('DOMContentLoaded', () => {
    const summary = document.querySelector('.error-summary');
    if (summary) {
        summary.focus();
    }
    document.querySelectorAll('.error-summary a[href^="#"]').forEach(link => link.addEventListener('click', event => {
        const field = document.getElementById(link.getAttribute('href').substring(1));
        if (field) {
            event.preventDefault();
            const label = document.querySelector('label[for="' + field.id + '"]');
            (label || field).scrollIntoView();
            field.focus({preventScroll: true});
        }
    }));
});
