export { loadConfig, configFromValue, findConfigFile, ConfigError, DEFAULT_CONFIG_FILES } from './load.ts';
export type { Config, Source, SiteConfig, FulltextMode, ImageMode, ConfigErrorKind } from './load.ts';
