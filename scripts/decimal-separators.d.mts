export function intlDecimalSeparator(locale: string): '.' | ',';
export function icuLanguages(): string[];
export function regionCodes(): string[];
export function deriveDecimalSeparators(): { commaLanguages: string[]; flipped: string[] };
