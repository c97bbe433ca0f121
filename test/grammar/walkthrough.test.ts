// The Getting Started walkthrough as the Welcome page reads it from package.json: every step has
// its text and media, every button and completion event names something the extension
// contributes (so a click activates the extension), and the media ship in the .vsix.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, PackageManager } from '@vscode/vsce';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string; altText?: string };
  completionEvents?: string[];
}

const walkthroughs: Array<{ id: string; title: string; description: string; steps: Step[] }> = pkg.contributes.walkthroughs ?? [];
const commands = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));
const views = new Set<string>(Object.values(pkg.contributes.views as Record<string, Array<{ id: string }>>).flat().map((v) => v.id));
/** A contributed command, or the `<view>.focus` command VS Code adds for each contributed view. */
const isOurCommand = (id: string) => commands.has(id) || (id.endsWith('.focus') && views.has(id.slice(0, -'.focus'.length)));

const steps = () => walkthroughs.flatMap((w) => w.steps);
const mediaText = (step: Step) => (step.media.markdown ? readFileSync(join(root, step.media.markdown), 'utf8') : '');
/** The command ids of `[label](command:id)` links, with arguments (`?…`) or `toSide:` (open beside the walkthrough). */
const commandLinks = (text: string) => [...text.matchAll(/\]\(command:(?:toSide:)?([\w.-]+)/g)].map((m) => m[1]);

/** The `okr.walkthrough.*` keys the client sets when a step's action happened (client/src/commands.ts). */
const commandsSource = readFileSync(join(root, 'client', 'src', 'commands.ts'), 'utf8');
const contextKeysSet = new Set([...commandsSource.matchAll(/walkthroughDone\('(\w+)'\)/g)].map((m) => `okr.walkthrough.${m[1]}`));
/** Commands that only act on the editor in front: opened beside the walkthrough they leave an empty split. */
const NO_EDITOR_OF_THEIR_OWN = ['okr.checkIn', 'okr.fixAll', 'okr.showRuleDocumentation'];

describe('Getting Started walkthrough', () => {
  it('is contributed, with a handful of steps that each have a title, a description and media', () => {
    assert.equal(walkthroughs.length, 1);
    const [walkthrough] = walkthroughs;
    assert.equal(walkthrough.id, 'okr.gettingStarted');
    assert.ok(walkthrough.title && walkthrough.description);
    assert.ok(walkthrough.steps.length >= 4 && walkthrough.steps.length <= 7, `${walkthrough.steps.length} steps`);
    assert.equal(new Set(walkthrough.steps.map((s) => s.id)).size, walkthrough.steps.length, 'step ids are unique');
    for (const step of walkthrough.steps) {
      // The Welcome page cuts a step title near 30 characters ("Let the coach read your key res…").
      assert.ok(step.title.length > 0 && step.title.length <= 28, `${step.id}: a short title, not cut off: ${step.title}`);
      assert.ok(step.description.trim().length > 0, `${step.id}: a description`);
      // The Welcome page of VS Code 1.100 shows backticks as typed: no code spans in step text.
      assert.doesNotMatch(step.description, /`/, `${step.id}: a backtick in the description`);
      assert.ok(step.media.markdown || step.media.image, `${step.id}: media`);
    }
  });

  it('has a media file for every step: Markdown under resources/walkthrough/, images from docs/images', () => {
    for (const step of steps()) {
      if (step.media.markdown) {
        assert.match(step.media.markdown, /^resources\/walkthrough\/[\w-]+\.md$/, step.id);
        assert.ok(existsSync(join(root, step.media.markdown)), `${step.id}: ${step.media.markdown} exists`);
        assert.ok(mediaText(step).trim().length > 0, `${step.id}: ${step.media.markdown} is not empty`);
      }
      if (step.media.image) {
        assert.match(step.media.image, /^docs\/images\/[\w-]+\.png$/, step.id);
        assert.ok(existsSync(join(root, step.media.image)), `${step.id}: ${step.media.image} exists`);
        assert.ok(step.media.altText, `${step.id}: an image needs altText`);
      }
    }
  });

  it('links only commands the extension contributes, in the steps and in their media', () => {
    const linked = steps().flatMap((step) => [...commandLinks(step.description), ...commandLinks(mediaText(step))].map((id) => ({ step: step.id, id })));
    assert.ok(linked.length >= 3, 'most steps have a button');
    for (const { step, id } of linked) assert.ok(isOurCommand(id), `${step}: command:${id} is not a contributed command or view`);
  });

  it('passes arguments a command can use: JSON, and the rule documentation it names exists', () => {
    const withArgs = steps().flatMap((step) => [...step.description.matchAll(/\]\(command:(?:toSide:)?([\w.-]+)\?([^)]+)\)/g)]);
    assert.ok(withArgs.length >= 1);
    for (const [, id, query] of withArgs) {
      const args = JSON.parse(decodeURIComponent(query));
      assert.ok(Array.isArray(args), `${id}: arguments as a JSON array`);
      if (id === 'okr.showRuleDocumentation') assert.ok(existsSync(join(root, 'docs', 'rules', `${args[0]}.md`)), `docs/rules/${args[0]}.md`);
    }
  });

  it('completes each step on an event that names a contributed command or view', () => {
    for (const step of steps()) {
      assert.ok(step.completionEvents?.length, `${step.id}: completionEvents`);
      for (const event of step.completionEvents ?? []) {
        const [kind, ...rest] = event.split(':');
        const target = rest.join(':');
        if (kind === 'onCommand') assert.ok(isOurCommand(target), `${step.id}: ${event} names no contributed command`);
        else if (kind === 'onContext') assert.ok(contextKeysSet.has(target), `${step.id}: ${event} names no key the client sets`);
        else if (kind === 'onView') assert.ok(views.has(target), `${step.id}: ${event} names no contributed view`);
        else assert.equal(event, 'onStepSelected', `${step.id}: unexpected completion event ${event}`);
      }
    }
  });

  it('activates the extension from a button: every linked command or view activates it by itself', () => {
    // Since VS Code 1.74 a contributed command, view or walkthrough is its own activation event
    // (onCommand:…, onView:…, onWalkthrough:…), so the manifest needs none of them listed.
    const [major, minor] = String(pkg.engines.vscode).replace(/^\^/, '').split('.').map(Number);
    assert.ok(major > 1 || minor >= 74, `engines.vscode ${pkg.engines.vscode} activates on contributed commands`);
    for (const event of pkg.activationEvents as string[]) assert.doesNotMatch(event, /^(onCommand|onView|onWalkthrough):/, 'implicit since 1.74');
  });

  it('ships every media file in the .vsix (.vscodeignore keeps them)', async () => {
    const packaged = new Set(await listFiles({ cwd: root, packageManager: PackageManager.None }));
    for (const step of steps()) {
      for (const file of [step.media.markdown, step.media.image].filter((f): f is string => !!f)) assert.ok(packaged.has(file), `${file} is left out of the .vsix`);
    }
  });

  it('opens no empty split: toSide only for commands that open an editor of their own', () => {
    for (const step of steps()) {
      for (const [, id] of step.description.matchAll(/\]\(command:toSide:([\w.-]+)/g)) assert.ok(!NO_EDITOR_OF_THEIR_OWN.includes(id), `${step.id}: toSide:${id}`);
    }
  });

  it('ticks a step only when its action happened: a context key the client sets, not the click', () => {
    const events = steps().flatMap((step) => step.completionEvents ?? []);
    for (const id of ['okr.newFile', 'okr.checkIn', 'okr.fixAll', 'okr.applyFixWithInput']) assert.ok(!events.includes(`onCommand:${id}`), id);
    assert.deepEqual(events.filter((e) => e.startsWith('onContext:')).sort(), ['onContext:okr.walkthrough.checkedIn', 'onContext:okr.walkthrough.fileCreated', 'onContext:okr.walkthrough.fixed']);
  });
});
