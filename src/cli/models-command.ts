/**
 * `motcua models …` — recognition models installed under the data directory.
 *
 *   models install [--from <folder>] [--model <id>]
 *       downloads Intel's official OpenVINO IR files (or takes them from <folder>), checks their
 *       sha384, converts them to ONNX and installs DATA_DIR/models/<id>/model.onnx + model.json.
 *       MOTCUA_MODEL_BASE_URL replaces the download base (a mirror with the same layout).
 *   models list
 *       the installed models that verify, as a JSON array.
 *
 * stdout carries one JSON value (to pipe); progress and errors go to stderr, Vietnamese then
 * English. Bad input, a failed download, a wrong file or a failed conversion: exit 2, nothing
 * installed, nothing on stdout.
 */
import { PREFERRED_FACE_MODEL_ID } from '../contracts/face';
import { installFaceModel } from '../server/face/models/install-model';
import { isFaceModelError } from '../server/face/models/model-error';
import { listInstalledFaceModels, verifyInstalledModel } from '../server/face/models/model-store';

export interface ModelsCommandContext {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  now?: () => Date;
}

const USAGE = {
  vi: 'Cách dùng: models install [--from <thư mục>] [--model <mã mô hình>] | models list',
  en: 'Usage: models install [--from <folder>] [--model <model id>] | models list',
};

export async function runModelsCommand(args: string[], context: ModelsCommandContext): Promise<number> {
  const rest = args[0] === 'models' ? args.slice(1) : args;
  const [subcommand, ...optionArgs] = rest;
  const fail = (vi: string, en: string) => {
    context.stderr(`${vi}\n${en}\n`);
    return 2;
  };
  if (subcommand === 'list' && optionArgs.length === 0) {
    const models = listInstalledFaceModels(context.dataDir, (folder, reason) => context.stderr(`Bỏ qua / skipped models/${folder}: ${reason}\n`));
    context.stdout(`${JSON.stringify(models.map(({ file: _file, ...model }) => model))}\n`);
    return 0;
  }
  if (subcommand !== 'install') return fail(`Lệnh con "${subcommand ?? ''}" không hợp lệ. ${USAGE.vi}`, `Unknown subcommand "${subcommand ?? ''}". ${USAGE.en}`);

  const options = new Map<string, string>();
  for (let i = 0; i < optionArgs.length; i += 1) {
    const arg = optionArgs[i]!;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (name !== '--from' && name !== '--model') return fail(`Tùy chọn "${arg}" không hợp lệ. ${USAGE.vi}`, `Unknown option "${arg}". ${USAGE.en}`);
    const value = eq > 0 ? arg.slice(eq + 1) : optionArgs[++i];
    if (!value || value.startsWith('--')) return fail(`Tùy chọn ${name} thiếu giá trị.`, `Option ${name} needs a value.`);
    options.set(name, value);
  }

  const baseUrl = context.env['MOTCUA_MODEL_BASE_URL'] || null;
  if (baseUrl && !options.has('--from') && !/^https?:\/\/[^/\s]+/.test(baseUrl)) {
    return fail(`MOTCUA_MODEL_BASE_URL "${baseUrl}" không phải địa chỉ http(s)://.`, `MOTCUA_MODEL_BASE_URL "${baseUrl}" is not an http(s):// address.`);
  }
  const modelId = options.get('--model') ?? PREFERRED_FACE_MODEL_ID;
  const started = performance.now();
  try {
    const result = await installFaceModel({
      dataDir: context.dataDir,
      modelId,
      from: options.get('--from') ?? null,
      baseUrl,
      ...(context.now ? { now: context.now } : {}),
      progress: (message) => context.stderr(`${message.vi} / ${message.en}\n`),
    });
    const seconds = Math.round((performance.now() - started) / 10) / 100;
    context.stderr(
      result.alreadyInstalled
        ? `Mô hình ${result.installed} đã được cài đặt (${result.path}); không thay đổi gì.\nModel ${result.installed} is already installed (${result.path}); nothing changed.\n`
        : `Đã cài mô hình ${result.installed} vào ${result.path} (${seconds} s).\nInstalled model ${result.installed} in ${result.path} (${seconds} s).\n`,
    );
    context.stdout(`${JSON.stringify({ ...result, seconds })}\n`);
    return 0;
  } catch (error) {
    const kept = verifyInstalledModel(context.dataDir, modelId).ok
      ? { vi: ` Mô hình ${modelId} đã cài trước đó vẫn được giữ nguyên.`, en: ` The ${modelId} installed earlier is kept as it was.` }
      : { vi: '', en: '' };
    if (isFaceModelError(error)) return fail(`${error.vi}${kept.vi}`, `${error.en}${kept.en}`);
    const detail = error instanceof Error ? error.message : String(error);
    return fail(`Cài đặt mô hình thất bại, không có gì được cài: ${detail}${kept.vi}`, `Installing the model failed; nothing was installed: ${detail}${kept.en}`);
  }
}
