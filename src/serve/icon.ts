// The reader's icon (/static/icon.svg): an "N" on the link colour of the stylesheet.
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b57b5"/><path d="M9 23V9h3l8 9.5V9h3v14h-3l-8-9.5V23z" fill="#fff"/></svg>`;
