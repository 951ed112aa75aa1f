import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderApiMarkdown } from '../../shared/contract/api-markdown';
import { describeContract } from '../../shared/contract/describe';
import { replaceApiSection } from './readme-api';

describe("README's API section", () => {
  it('matches the contract (regenerate with `npm run api-docs`)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(replaceApiSection(readme, renderApiMarkdown(describeContract()))).toBe(readme);
  });
});
