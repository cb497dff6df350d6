export * from './format.ts';
export { manifestMonths, publishManifests, sha256File } from './writer.ts';
