// Enforces the architecture (docs/architecture.md, graph in scripts/layers.json): dependencies
// point inward through each layer's public index, third-party packages stay where the graph
// allows them, and the pure layers touch no host (Node built-ins, process, console, clock,
// randomness, network, timers). It reads each file's syntax tree with the TypeScript compiler,
// so comments and strings neither hide nor fake an import, and a local variable that shadows a
// global is not the global.
//
//   node scripts/check-deps.mjs [--root DIR]   check DIR/src (default: the current directory)
//   node scripts/check-deps.mjs --table        print the graph as docs/architecture.md's table
//
// Exit 0 when the rules hold, 1 with one "file:line:column message" per problem, 2 on bad use.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const GRAPH = JSON.parse(readFileSync(new URL('./layers.json', import.meta.url), 'utf8'));
const LAYERS = GRAPH.layers;
const BUILTINS = new Set(builtinModules);
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const TEST = /\.test\.(?:[cm]?[jt]s|[jt]sx)$/;
const INDEX = /^index\.(?:[cm]?[jt]s|[jt]sx)$/;

/**
 * Globals a pure layer may not read although ECMAScript defines them, and why. Function is
 * allowed in the files listed as generatedCode in scripts/layers.json.
 */
const IMPURE_STANDARD = {
  Date: 'reads the clock; the time must come in as a parameter',
  eval: 'runs code made from text',
  Function: 'runs code made from text (only the generatedCode files of scripts/layers.json may)',
  globalThis: 'reaches every host global',
  WeakRef: 'depends on when the garbage collector runs',
  FinalizationRegistry: 'depends on when the garbage collector runs',
};
/** Members of standard objects that reach the host: randomness, a timer. */
const IMPURE_MEMBERS = { Math: new Set(['random']), AbortSignal: new Set(['timeout']) };
/**
 * Web-platform globals with no host behind them, allowed in pure layers: copying, text
 * encoding, URL parsing, and cancellation that arrives as a parameter. Every other global that
 * ECMAScript does not define (process, console, fetch, performance, setTimeout, crypto, Buffer,
 * window, …) is a host global.
 */
const NEUTRAL = new Set([
  'structuredClone', 'TextEncoder', 'TextDecoder', 'URL', 'URLSearchParams', 'AbortController', 'AbortSignal',
  'DOMException', 'Event', 'EventTarget', 'atob', 'btoa',
]);
/** Globals that exist in Node but not in a browser. */
const NODE_ONLY = new Set([
  'process', 'Buffer', 'require', 'module', 'exports', '__dirname', '__filename', 'global', 'setImmediate', 'clearImmediate',
]);

/** Problems in the graph itself: unknown layers, self-imports, cycles, a surface imported. */
function graphProblems(layers = LAYERS) {
  const problems = [];
  for (const [name, layer] of Object.entries(layers)) {
    if (!['none', 'node', 'browser'].includes(layer.host)) problems.push(`layer ${name}: host must be none, node or browser`);
    for (const target of layer.imports) {
      if (!layers[target]) problems.push(`layer ${name} imports undeclared layer ${target}`);
      else if (target === name) problems.push(`layer ${name} lists itself (a layer always imports itself)`);
      else if (layers[target].surface) problems.push(`layer ${name} imports ${target}, a surface: nothing imports a surface`);
    }
  }
  const state = new Map();
  const visit = (name, path) => {
    if (state.get(name) === 'done' || !layers[name]) return;
    if (state.get(name) === 'open') {
      problems.push(`layers form a cycle: ${[...path.slice(path.indexOf(name)), name].join(' → ')}`);
      return;
    }
    state.set(name, 'open');
    for (const target of layers[name].imports) if (target !== name) visit(target, [...path, name]);
    state.set(name, 'done');
  };
  for (const name of Object.keys(layers)) visit(name, []);
  return problems;
}

/** The graph as the Markdown table of docs/architecture.md. */
function graphTable(layers = LAYERS) {
  const host = { none: 'none (pure)', node: 'Node', browser: 'browser' };
  const rows = Object.entries(layers).map(([name, layer]) => [
    layer.surface ? `${name} (surface)` : name,
    layer.imports.length > 0 ? layer.imports.join(', ') : '—',
    host[layer.host],
    layer.packages.length > 0 ? layer.packages.join(', ') : '—',
  ]);
  return [
    '| layer | may import | host | third-party packages |',
    '|---|---|---|---|',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}

function sourceFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (SOURCE.test(entry.name) && !TEST.test(entry.name)) out.push(path);
  }
  return out.sort();
}

/** "react" for "react/jsx-runtime", "@scope/name" for "@scope/name/sub". */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * The layer a file belongs to and its path inside the layer: src/LAYER/…, or the folder a layer
 * declares as its `dir` (the studio's web layer lives in studio/src). Undefined outside them.
 */
function locate(root, file) {
  for (const [name, layer] of Object.entries(LAYERS)) {
    if (!layer.dir) continue;
    const inside = relative(join(root, layer.dir), file);
    if (!inside.startsWith('..') && !isAbsolute(inside)) return { layer: name, rest: inside.split(sep) };
  }
  const inSrc = relative(join(root, 'src'), file).split(sep);
  if (inSrc[0] === '..' || isAbsolute(inSrc[0])) return undefined;
  return { layer: inSrc[0], rest: inSrc.slice(1) };
}

/** Every source file of root/src and of the layers' own folders. */
function treeFiles(root) {
  const dirs = [join(root, 'src'), ...Object.values(LAYERS).flatMap((layer) => (layer.dir ? [join(root, layer.dir)] : []))];
  return dirs.filter((dir) => existsSync(dir)).flatMap(sourceFiles);
}

/** Checks every source file under root/src (and the layers' own folders); returns "file:line:column message" lines. */
function checkTree(root) {
  const src = join(root, 'src');
  const files = treeFiles(root);
  const program = ts.createProgram(files, {
    allowJs: true, noEmit: true, noResolve: true, types: [], lib: ['lib.es2022.d.ts'],
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
    jsx: ts.JsxEmit.Preserve,
  });
  const checker = program.getTypeChecker();
  const generated = new Set((GRAPH.generatedCode ?? []).map((file) => resolve(root, file)));
  const problems = graphProblems().map((p) => `scripts/layers.json: ${p}`);

  for (const file of files) {
    const name = relative(root, file).split(sep).join('/');
    const located = locate(root, file);
    const layerName = located?.layer;
    const layer = layerName === undefined ? undefined : LAYERS[layerName];
    const sourceFile = program.getSourceFile(file);
    const report = (node, message) => {
      const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
      problems.push(`${name}:${line + 1}:${character + 1} ${message}`);
    };
    if (!layer || located.rest.length === 0) {
      problems.push(`${name}:1:1 is in no declared layer (scripts/layers.json)`);
      continue;
    }
    const rules = { root, file, name: layerName, layer, report, checker, program, generated: generated.has(resolve(file)) };
    for (const ref of sourceFile.typeReferenceDirectives) {
      if (layer.host !== 'node') {
        const { line, character } = sourceFile.getLineAndCharacterOfPosition(ref.pos);
        problems.push(`${name}:${line + 1}:${character + 1} ${layerName}: a host's types ("${ref.fileName}") in a layer whose host is ${layer.host}`);
      }
    }
    visit(sourceFile, rules, src);
  }
  return problems;
}

function visit(node, rules, src, inType = false) {
  const specifier = moduleSpecifier(node, rules);
  if (specifier) checkImport(specifier, rules, src);
  if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword && rules.layer.host === 'none') {
    rules.report(node, `${rules.name} is pure: import.meta tells where the code runs`);
  }
  // Types are erased: a global named in a type (a `Date` field) reaches nothing at run time,
  // but `import('…')` in a type is still a dependency.
  const typeLevel = inType || (ts.isTypeNode(node) && !isClassExtends(node)) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node);
  if (ts.isIdentifier(node) && !typeLevel) checkGlobal(node, rules);
  // `x.constructor.constructor` is Function, reached without naming it.
  if (rules.layer.host === 'none' && !typeLevel && memberName(node) === 'constructor' && memberName(node.expression) === 'constructor') {
    rules.report(node, `${rules.name} is pure: ".constructor.constructor" reaches Function, which runs code made from text`);
  }
  ts.forEachChild(node, (child) => visit(child, rules, src, typeLevel));
}

/** `class A extends B`: B is a value, although the syntax tree files it with types. */
function isClassExtends(node) {
  return ts.isExpressionWithTypeArguments(node) && ts.isHeritageClause(node.parent)
    && node.parent.token === ts.SyntaxKind.ExtendsKeyword && ts.isClassLike(node.parent.parent);
}

/**
 * The module a node imports, with the node to place the problem at: static imports and
 * re-exports, `import x = require()`, `import()`, `require()`, and `import('…')` types.
 * A specifier that is not a plain string cannot be checked, and is itself a problem.
 */
function moduleSpecifier(node, rules) {
  let argument;
  if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) argument = node.moduleSpecifier;
  else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) argument = node.moduleReference.expression;
  else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) argument = node.argument.literal;
  else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || isGlobalRequire(node.expression, rules))) {
    argument = node.arguments[0];
    if (!argument || !ts.isStringLiteralLike(argument)) {
      rules.report(node, `${rules.name}: a module loaded from a computed name cannot be checked; name it with a string`);
      return undefined;
    }
  } else return undefined;
  return ts.isStringLiteralLike(argument) ? { text: argument.text, node: argument } : undefined;
}

function isGlobalRequire(expression, rules) {
  return ts.isIdentifier(expression) && expression.text === 'require' && isGlobal(expression, rules.checker, rules.program);
}

function checkImport({ text, node }, rules, src) {
  const { name, layer, report } = rules;
  if (text.startsWith('.') || text.startsWith('/')) {
    if (text.startsWith('/')) return report(node, `${name}: imports "${text}" by absolute path`);
    const target = locate(rules.root, resolve(dirname(rules.file), text));
    if (!target || target.rest.length === 0) return report(node, `${name}: imports "${text}", outside every layer of src/`);
    const targetLayer = target.layer;
    if (targetLayer === name) return undefined;
    if (!LAYERS[targetLayer]) return report(node, `${name}: imports "${text}" from undeclared layer ${targetLayer}`);
    if (!layer.imports.includes(targetLayer)) return report(node, `${name} must not import ${targetLayer} ("${text}"); it may import ${layer.imports.join(', ') || 'no other layer'}`);
    if (target.rest.length !== 1 || !INDEX.test(target.rest[0])) return report(node, `${name}: imports "${text}", past ${targetLayer}'s public index; import ${targetLayer}/index.js`);
    return undefined;
  }
  if (text.startsWith('node:') || BUILTINS.has(text)) {
    if (layer.host !== 'node') report(node, `${name}: imports the Node built-in "${text}" in a layer whose host is ${layer.host}`);
    return undefined;
  }
  const pkg = packageName(text);
  if (!layer.packages.includes(pkg)) {
    report(node, `${name}: imports the package "${pkg}", not in its allow-list (${layer.packages.join(', ') || 'none'}) in scripts/layers.json`);
  }
  return undefined;
}

/** Whether an identifier is a name read here, rather than a property, key, label or declaration. */
function isReference(node) {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isQualifiedName(parent) && parent.right === node) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === node) return false;
  if ((ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) && parent.propertyName === node) return false;
  if (ts.isExportSpecifier(parent)) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent) || ts.isMetaProperty(parent)) return false;
  if (ts.isJsxAttribute(parent)) return false;
  if ('name' in parent && parent.name === node && !ts.isShorthandPropertyAssignment(parent)) return false;
  return true;
}

/** The declarations of what an identifier reads (`{ x }` reads the variable x, not the key). */
function declarationsOf(node, checker) {
  const symbol = ts.isShorthandPropertyAssignment(node.parent)
    ? checker.getShorthandAssignmentValueSymbol(node.parent)
    : checker.getSymbolAtLocation(node);
  return symbol?.declarations ?? [];
}

/** Whether an identifier names a global: no declaration of ours, or only an ambient one. */
function isGlobal(node, checker, program) {
  const declarations = declarationsOf(node, checker);
  if (declarations.length === 0) return node.text !== 'undefined' && node.text !== 'arguments';
  return declarations.every((d) => {
    const file = d.getSourceFile();
    return program.isSourceFileDefaultLibrary(file) || file.isDeclarationFile || (ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Ambient) !== 0;
  });
}

/** Whether a global is one ECMAScript defines (declared in the default library only). */
function isStandard(node, checker, program) {
  const declarations = declarationsOf(node, checker);
  return declarations.length > 0 && declarations.every((d) => program.isSourceFileDefaultLibrary(d.getSourceFile()));
}

function checkGlobal(node, rules) {
  const { name, layer, report, checker, program } = rules;
  if (layer.host === 'node' || !isReference(node)) return;
  const global = node.text;
  if (!isGlobal(node, checker, program)) return;
  if (layer.host === 'browser') {
    if (NODE_ONLY.has(global)) report(node, `${name}: "${global}" exists in Node, not in a browser`);
    return;
  }
  if (!isStandard(node, checker, program) && !NEUTRAL.has(global)) {
    return report(node, `${name} is pure: the host global "${global}" must come in as a parameter`);
  }
  if (Object.hasOwn(IMPURE_STANDARD, global) && !(global === 'Function' && rules.generated)) {
    return report(node, `${name} is pure: "${global}" ${IMPURE_STANDARD[global]}`);
  }
  const members = IMPURE_MEMBERS[global];
  if (members) {
    const member = memberRead(node);
    if (member === undefined) report(node, `${name} is pure: "${global}" is used other than as ${global}.name, so what it reaches cannot be checked`);
    else if (members.has(member)) report(node, `${name} is pure: "${global}.${member}" reaches the host; it must come in as a parameter`);
  }
  return undefined;
}

/** The member an identifier is read for (`x.name`, `x['name']`), or undefined when it is not one. */
function memberRead(node) {
  return node.parent.expression === node ? memberName(node.parent) : undefined;
}

/** The member a node reads (`name` in `x.name` and `x['name']`), or undefined. */
function memberName(node) {
  if (!node) return undefined;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) return node.argumentExpression.text;
  return undefined;
}

function main(args) {
  if (args[0] === '--table') {
    console.log(graphTable());
    return 0;
  }
  if (args.length > 0 && !(args[0] === '--root' && args.length === 2)) {
    console.error('usage: node scripts/check-deps.mjs [--root DIR] | --table');
    return 2;
  }
  const root = resolve(args[1] ?? '.');
  const problems = checkTree(root);
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    console.error(`${problems.length} dependency rule${problems.length === 1 ? '' : 's'} broken (see docs/architecture.md)`);
    return 1;
  }
  console.log(`dependency rules hold for ${treeFiles(root).length} files`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
