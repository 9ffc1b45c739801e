import { describe, expect, it, vi } from 'vitest';
import { homeModel, type VmReading } from '../../src/flows/home-rows.js';
import type { Lang } from '../../src/i18n/define.js';
import { translator } from '../../src/i18n/define.js';
import { wizardMessages } from '../../src/i18n/wizard-messages.js';
import { defaultLabConfig } from '../../src/lab/defaults.js';
import type { LabSummary } from '../../src/lab/lab-summary.js';
import { displayWidth } from '../../src/text/text-width.js';
import { homeColumns } from '../../src/ui/home-layout.js';
import type { HomeModel } from '../../src/ui/home-model.js';
import { HomeScreen } from '../../src/ui/home-screen.js';
import { linesWiderThan, renderAtWidth, tick } from './render-at-width.js';

const labDir = '/home/someone/labs/gluster-lab-demo-qHhpPh/storage-lab';
const config = { ...defaultLabConfig, heketi: { ...defaultLabConfig.heketi, url: 'http://127.0.0.1:32771' } };
const summaries: Record<string, LabSummary> = {
  'no lab': { labDir, exists: false },
  'checked, VMs read': { labDir, exists: true, config, lastCheck: { at: 't', failures: 4, warnings: 0 } },
  'storage done': {
    labDir,
    exists: true,
    config,
    lastCheck: { at: 't', failures: 0, warnings: 2 },
    lastStorage: { at: 't', pvc: 'gvol-1', namespace: 'default', phase: 'Bound' },
    defaultClass: 'gluster-heketi',
  },
};

function screen(lang: Lang, summary: LabSummary, vms: VmReading, onChoose = () => {}) {
  const t = translator(wizardMessages, lang);
  const model = homeModel(summary, lang, vms);
  const labels = { next: t('next'), more: t('more'), help: t('help'), simulation: t('simulation') };
  const element = (m: HomeModel) => (
    <HomeScreen title={t('title')} labLine={t('labDir', { dir: labDir })} model={m} labels={labels} lastResult={t('lastResult', { step: t('stepFixPermissions'), result: t('resultOk') })} onChoose={onChoose} />
  );
  return { model, element, t };
}

describe('home screen at every width', () => {
  for (const lang of ['en', 'ja'] as const) {
    for (const columns of [60, 80, 120]) {
      for (const [name, summary] of Object.entries(summaries)) {
        it(`${lang}, ${columns} columns, ${name}: fits, columns aligned, nothing split`, () => {
          const { model, element, t } = screen(lang, summary, { running: 4, total: 4 });
          const { lines, instance } = renderAtWidth(element(model), columns);
          const frame = lines();
          expect(linesWiderThan(frame, columns)).toEqual([]);
          // The lab's path whole, on one line.
          expect(frame.some((l) => l.includes(labDir))).toBe(true);
          // "← next" whole, once.
          const mark = `← ${t('next')}`;
          expect(frame.filter((l) => l.includes(mark))).toHaveLength(1);
          // Each state starts in the state column, with at least two spaces before it.
          const { stateStart } = homeColumns(model, columns, t('next'));
          for (const row of model.rows.filter((r) => r.state !== '')) {
            const firstWord = row.state.split(/\s/)[0] ?? '';
            const line = frame.find((l) => l.includes(row.title.slice(0, 4)) && l.includes(firstWord));
            expect(line, `${row.command}: ${row.state}\n${frame.join('\n')}`).toBeDefined();
            const at = line?.indexOf(firstWord, line.indexOf(row.title.slice(0, 4)) + 1) ?? -1;
            const before = line?.slice(0, at) ?? '';
            expect(displayWidth(before), `${row.command}\n${frame.join('\n')}`).toBe(stateStart);
            expect(before).toMatch(/ {2}$/);
          }
          // The storage row's class names and versions are never cut.
          if (summary.config && !summary.lastStorage) for (const whole of ['gluster-nfs', 'gluster-heketi', 'v1.26', 'v1.25']) expect(frame.some((l) => l.includes(whole)), whole).toBe(true);
          instance.unmount();
        });
      }
    }
  }
});

describe('home screen cursor', () => {
  it('stays where the first frame put it when the VM states arrive and move "next"', async () => {
    const onChoose = vi.fn();
    const summary: LabSummary = { labDir, exists: true, config, lastCheck: { at: 't', failures: 0, warnings: 0 } };
    const first = screen('en', summary, 'reading', onChoose);
    const { lastFrame, instance, stdin } = renderAtWidth(first.element(first.model), 80);
    expect(lastFrame()).toMatch(/❯ Bring the VMs up\s+reading VM states…\s+← next/);
    await tick();
    instance.rerender(first.element(homeModel(summary, 'en', { running: 4, total: 4 })));
    await tick();
    // The mark follows the news; the cursor does not.
    expect(lastFrame()).toMatch(/❯ Bring the VMs up\s+4 of 4 running\n/);
    expect(lastFrame()).toMatch(/ {2}Connect Kubernetes storage\s+class gluster-nfs .*← next/);
    // Down Down Enter counted from what the user saw: two rows below "Bring the VMs up".
    stdin.write('\u001B[B\u001B[B\r');
    await tick();
    expect(onChoose).toHaveBeenCalledWith('default-class');
    instance.unmount();
  });

  it('says when the VM states could not be read, instead of "reading" for ever', () => {
    const summary: LabSummary = { labDir, exists: true, config, lastCheck: { at: 't', failures: 0, warnings: 0 } };
    const model = homeModel(summary, 'en', 'unreadable');
    expect(model.rows.find((r) => r.command === 'up')?.state).toBe('VM states could not be read (vagrant status failed)');
  });

  it('re-lays out the columns when the terminal narrows', async () => {
    const { model, element } = screen('ja', summaries['storage done'] as LabSummary, { running: 4, total: 4 });
    const { lines, stdout, instance } = renderAtWidth(element(model), 120);
    expect(linesWiderThan(lines(), 120)).toEqual([]);
    stdout.resize(60);
    await tick();
    expect(linesWiderThan(lines(), 60)).toEqual([]);
    instance.unmount();
  });
});
