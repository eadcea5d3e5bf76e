/**
 * Builds the fake-camera videos (.y4m) the kiosk face tests play to Chromium
 * (`--use-file-for-fake-video-capture`), from the development face photos, into a temporary folder.
 * Nothing is committed: no image and no video lives in the repository.
 *
 * How a frame is made (the approach of test/fixtures/gestures/record.ts, see its README):
 * - person: a dev photo placed so the face is about `faceWidth` px wide in a 640×480 frame (170 px ≈ a
 *   face 70 cm from a 60° webcam), re-rendered as a "2.5-D head": Human's own mesh of the still photo
 *   is lifted to 3-D (mesh z, scaled so the nose tip stands half a face width in front of the cheek
 *   outline), rotated about a neck axis for head turns, the upper eyelid points slid onto the lower lid
 *   for blinks, and the photo texture-mapped triangle by triangle onto the moved mesh. A slow sway runs
 *   throughout. What it can show: that the kiosk reacts to the landmark changes Human itself produces
 *   when a face in the picture blinks or turns. What it cannot show: real head motion, real eyelids,
 *   lighting, a real camera's noise and blur. The depth comes from Human's own estimate.
 * - print: the still scene as a flat printed photo (white border) held in front of the camera — moved,
 *   brought closer and rolled by a hand that shakes a little, never turned — over a "hall" background.
 * - pair: two photos side by side (two people in front of the kiosk), each swaying a little.
 * Every motion is periodic over the video's length, so Chromium's looping shows no jump.
 *
 * Frames are converted to YUV 4:2:0 (BT.601, limited range, as Chromium's y4m reader expects) in the
 * page and written after a `YUV4MPEG2` header, each after a `FRAME` line.
 */
import { mkdirSync, openSync, readFileSync, writeSync, closeSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser';

export const VIDEO_WIDTH = 640;
export const VIDEO_HEIGHT = 480;

interface Common {
  /** File name (without .y4m). */
  name: string;
  /** Length of one loop. */
  seconds: number;
  fps: number;
  /** Face width (cheek to cheek) in frame pixels. */
  faceWidth: number;
}

export type FaceVideoSpec =
  | (Common & {
      kind: 'person';
      /** Path under the faces folder, e.g. 'deepface-07/img29.jpg'. */
      image: string;
      /** [start ms, duration ms] in each loop. */
      blinks: Array<[number, number]>;
      /** Head turns in each loop: degrees about the neck (> 0: nose towards the image's left). */
      turns: Array<{ at: number; degrees: number; holdMs: number }>;
    })
  | (Common & { kind: 'print'; image: string })
  | (Common & { kind: 'pair'; images: [string, string] })
  /**
   * The whole photo moved as one picture along `path` ([ms, dx, dy] keys, pixels): a photo where
   * someone gestures gives the hand detector a real hand that moves with the body (no finger moves
   * on its own). `centre`: where the face goes in the frame.
   */
  | (Common & { kind: 'scene'; image: string; centre: [number, number]; path: Array<[number, number, number]> });

/** Smooth interpolation through [t, value] keys (smoothstep between keys). */
function keys(points: Array<[number, number]>): (t: number) => number {
  return (t) => {
    if (t <= points[0]![0]) return points[0]![1];
    for (let k = 1; k < points.length; k++) {
      const [t1, v1] = points[k]!;
      const [t0, v0] = points[k - 1]!;
      if (t <= t1) {
        const u = (t - t0) / (t1 - t0 || 1);
        return v0 + (v1 - v0) * u * u * (3 - 2 * u);
      }
    }
    return points[points.length - 1]![1];
  };
}

/** Head pose of a person video at time t (ms into the loop). */
function personPose(spec: Extract<FaceVideoSpec, { kind: 'person' }>, t: number) {
  const T = spec.seconds * 1000;
  const cyc = (n: number, phase = 0) => Math.sin((2 * Math.PI * n * t) / T + phase);
  let blink = 0;
  for (const [start, duration] of spec.blinks) {
    blink = Math.max(blink, keys([[start, 0], [start + duration * 0.35, 1], [start + duration * 0.5, 1], [start + duration, 0]])(t));
  }
  let turn = 0;
  for (const { at, degrees, holdMs } of spec.turns) {
    turn += keys([[at, 0], [at + 350, degrees], [at + 350 + holdMs, degrees], [at + 700 + holdMs, 0]])(t);
  }
  return {
    turn: turn + 1.2 * cyc(1, 0.7),
    tip: 0.8 * cyc(2, 1.4),
    roll: 0,
    blink,
    dx: 2 * cyc(1, 2.1),
    dy: 1.5 * cyc(3, 0.7),
    scale: 1,
  };
}

/** A hand holding a print: a slow drift, brought closer and back, a slight roll, a 2–3 Hz shake. */
function printPose(spec: Common, t: number) {
  const T = spec.seconds * 1000;
  const cyc = (n: number, phase = 0) => Math.sin((2 * Math.PI * n * t) / T + phase);
  return {
    tiltY: 0,
    tiltX: 0,
    roll: 6 * cyc(1, 0.3),
    dx: 45 * cyc(1) + 1.2 * Math.sin((2 * Math.PI * 2.3 * t) / 1000),
    dy: 15 * cyc(2, 1) + 1 * Math.sin((2 * Math.PI * 2.9 * t) / 1000 + 0.5),
    scale: 1 + 0.12 * cyc(1, 1.6),
  };
}

function scenePose(spec: Extract<FaceVideoSpec, { kind: 'scene' }>, t: number) {
  return {
    dx: keys(spec.path.map(([at, dx]) => [at, dx]))(t) + 1.5 * Math.sin(t / 90),
    dy: keys(spec.path.map(([at, , dy]) => [at, dy]))(t) + 1.5 * Math.cos(t / 110),
  };
}

function pairPose(spec: Common, t: number) {
  const T = spec.seconds * 1000;
  const cyc = (n: number, phase = 0) => Math.sin((2 * Math.PI * n * t) / T + phase);
  return [
    { dx: 3 * cyc(1), dy: 2 * cyc(2, 1) },
    { dx: 3 * cyc(1, 2), dy: 2 * cyc(1, 0.4) },
  ];
}

// ---------------------------------------------------------------------------------------------
// Browser side: one self-contained function (Playwright serialises it).

interface StudioApi {
  load(kind: FaceVideoSpec['kind'], images: string[], faceWidth: number, centre?: [number, number]): Promise<{ faceWidth: number }>;
  scene(pose: unknown): string;
  person(pose: unknown): string;
  print(pose: unknown): string;
  pair(poses: unknown): string;
}
type StudioWindow = { studio: StudioApi };

async function installStudio(init: { humanScript: string; modelBase: string; wasmBase: string; width: number; height: number }) {
  type P3 = [number, number, number];
  type P2 = [number, number];
  // Not `import()`: vitest rewrites it in functions it transforms, and this one runs in the page.
  const load = new Function('url', 'return import(url)') as (url: string) => Promise<{ Human: new (config: unknown) => any }>;
  const { Human } = await load(init.humanScript);
  const human = new Human({
    backend: 'wasm',
    wasmPath: init.wasmBase,
    modelBasePath: init.modelBase,
    debug: false,
    cacheSensitivity: 0,
    face: { enabled: true, detector: { maxDetected: 1, rotation: false }, mesh: { enabled: true }, iris: { enabled: true }, emotion: { enabled: false }, description: { enabled: false }, antispoof: { enabled: false }, liveness: { enabled: false } },
    hand: { enabled: false },
    body: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
  });
  await human.load();
  const tri: number[] = human.faceTriangulation;
  const SILHOUETTE = [
    10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152, 148, 176, 149, 150, 136, 172, 58,
    132, 93, 234, 127, 162, 21, 54, 103, 67, 109,
  ];
  const EYES = [
    { upper: [[246, 161, 160, 159, 158, 157, 173], [247, 30, 29, 27, 28, 56, 190], [113, 225, 224, 223, 222, 221, 189]], lower: [33, 7, 163, 144, 145, 153, 154, 155, 133] },
    { upper: [[466, 388, 387, 386, 385, 384, 398], [467, 260, 259, 257, 258, 286, 414], [342, 445, 444, 443, 442, 441, 413]], lower: [263, 249, 390, 373, 374, 380, 381, 382, 362] },
  ];
  const W = init.width;
  const H = init.height;
  const canvas = (w: number, h: number) => {
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    return c;
  };
  const out = canvas(W, H);
  const octx = out.getContext('2d', { willReadFrequently: true })!;
  const scene = canvas(W, H);
  const sctx = scene.getContext('2d')!;
  const second = canvas(W, H);
  const second2d = second.getContext('2d')!;
  let base: P3[] = [];
  let faceWidth = 0;
  let centre: P2 = [0, 0];
  let pivotZ = 0;
  let neckY = 0;

  const loadImage = async (src: string) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    return img;
  };

  /** Draws the photo into ctx so that its face is `width` px wide, centred at `at`; returns nothing. */
  const place = async (ctx: CanvasRenderingContext2D, src: string, width: number, at: P2) => {
    const img = await loadImage(src);
    const k = Math.min(1, 1024 / Math.max(img.naturalWidth, img.naturalHeight));
    const probe = canvas(Math.round(img.naturalWidth * k), Math.round(img.naturalHeight * k));
    probe.getContext('2d')!.drawImage(img, 0, 0, probe.width, probe.height);
    const first = (await human.detect(probe)).face[0];
    if (!first) throw new Error(`no face in ${src}`);
    const m = first.mesh as P3[];
    const fw = Math.hypot(m[454]![0] - m[234]![0], m[454]![1] - m[234]![1]) / k;
    const fc: P2 = [(m[454]![0] + m[234]![0]) / 2 / k, (m[454]![1] + m[234]![1]) / 2 / k];
    const s = width / fw;
    ctx.drawImage(img, at[0] - fc[0] * s, at[1] - fc[1] * s, img.naturalWidth * s, img.naturalHeight * s);
  };

  const background = (ctx: CanvasRenderingContext2D) => {
    const g = ctx.createLinearGradient(0, 0, W, H);
    g.addColorStop(0, '#b8b2a6');
    g.addColorStop(1, '#8d949b');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, W, H);
    ctx.fillStyle = 'rgba(60,64,70,0.35)';
    ctx.fillRect(30, 40, 90, 300);
    ctx.fillRect(520, 120, 80, 360);
  };

  const drawTriangle = (ctx: CanvasRenderingContext2D, src: CanvasImageSource, s: P2[], d: P2[]) => {
    const [u0, v0] = s[0]!, [u1, v1] = s[1]!, [u2, v2] = s[2]!;
    const [x0, y0] = d[0]!, [x1, y1] = d[1]!, [x2, y2] = d[2]!;
    const den = (u1 - u0) * (v2 - v0) - (u2 - u0) * (v1 - v0);
    if (Math.abs(den) < 1e-6) return;
    const a = ((x1 - x0) * (v2 - v0) - (x2 - x0) * (v1 - v0)) / den;
    const c = ((x2 - x0) * (u1 - u0) - (x1 - x0) * (u2 - u0)) / den;
    const b = ((y1 - y0) * (v2 - v0) - (y2 - y0) * (v1 - v0)) / den;
    const dd = ((y2 - y0) * (u1 - u0) - (y1 - y0) * (u2 - u0)) / den;
    const e = x0 - a * u0 - c * v0;
    const f = y0 - b * u0 - dd * v0;
    const cx = (x0 + x1 + x2) / 3, cy = (y0 + y1 + y2) / 3;
    ctx.save();
    ctx.beginPath();
    for (let k = 0; k < 3; k++) {
      const [x, y] = d[k]!;
      const len = Math.hypot(x - cx, y - cy) || 1;
      const px = x + ((x - cx) / len) * 0.8, py = y + ((y - cy) / len) * 0.8;
      if (k === 0) ctx.moveTo(px, py);
      else ctx.lineTo(px, py);
    }
    ctx.closePath();
    ctx.clip();
    ctx.setTransform(a, b, c, dd, e, f);
    ctx.drawImage(src, 0, 0);
    ctx.restore();
  };
  const area = (p: P2[]) => (p[1]![0] - p[0]![0]) * (p[2]![1] - p[0]![1]) - (p[2]![0] - p[0]![0]) * (p[1]![1] - p[0]![1]);

  const renderHead = (ctx: CanvasRenderingContext2D, pose: { turn: number; tip: number; roll: number; blink: number; dx: number; dy: number; scale: number }) => {
    const rad = Math.PI / 180;
    const src: P3[] = base.map((p) => [p[0], p[1], p[2]]);
    if (pose.blink > 0) {
      for (const eye of EYES) {
        const lower = eye.lower.map((i) => src[i]!);
        const lowerY = (x: number) => {
          const pts = [...lower].sort((p, q) => p[0] - q[0]);
          if (x <= pts[0]![0]) return pts[0]![1];
          for (let k = 1; k < pts.length; k++) {
            const p = pts[k - 1]!, q = pts[k]!;
            if (x <= q[0]) return p[1] + ((q[1] - p[1]) * (x - p[0])) / (q[0] - p[0] || 1);
          }
          return pts[pts.length - 1]![1];
        };
        eye.upper[0]!.forEach((i, k) => {
          const p = src[i]!;
          const shift = pose.blink * (lowerY(p[0]) - p[1]) * 0.9;
          p[1] += shift;
          src[eye.upper[1]![k]!]![1] += shift * 0.55;
          src[eye.upper[2]![k]!]![1] += shift * 0.2;
        });
      }
    }
    const sil = SILHOUETTE.map((i) => src[i]!);
    const outer: P3[] = sil.map((p) => [centre[0] + (p[0] - centre[0]) * 1.45, centre[1] + (p[1] - centre[1]) * 1.45, p[2] + 0.35 * faceWidth]);
    const far: P3[] = sil.map((p) => [centre[0] + (p[0] - centre[0]) * 4, centre[1] + (p[1] - centre[1]) * 4, pivotZ]);
    const move = (p: P3, rigid: boolean): P3 => {
      let [x, y, z] = p;
      if (rigid) {
        const ct = Math.cos(pose.turn * rad), st = Math.sin(pose.turn * rad);
        [x, z] = [centre[0] + (x - centre[0]) * ct + (z - pivotZ) * st, pivotZ - (x - centre[0]) * st + (z - pivotZ) * ct];
        const cp = Math.cos(pose.tip * rad), sp = Math.sin(pose.tip * rad);
        [y, z] = [neckY + (y - neckY) * cp - (z - pivotZ) * sp, pivotZ + (y - neckY) * sp + (z - pivotZ) * cp];
        const cr = Math.cos(pose.roll * rad), sr = Math.sin(pose.roll * rad);
        [x, y] = [centre[0] + (x - centre[0]) * cr - (y - centre[1]) * sr, centre[1] + (x - centre[0]) * sr + (y - centre[1]) * cr];
      }
      x = centre[0] + (x - centre[0]) * pose.scale + pose.dx;
      y = centre[1] + (y - centre[1]) * pose.scale + pose.dy;
      return [x, y, z];
    };
    const srcAll: P3[] = [...src, ...outer, ...far];
    const texAll: P2[] = [...base.map((p) => [p[0], p[1]] as P2), ...outer.map((p) => [p[0], p[1]] as P2), ...far.map((p) => [p[0], p[1]] as P2)];
    const n = base.length;
    const dst = srcAll.map((p, i) => move(p, i < n + sil.length));
    const ring: number[][] = [];
    const m = sil.length;
    for (let j = 0; j < m; j++) {
      const j1 = (j + 1) % m;
      ring.push([n + m + j, n + m + j1, n + j], [n + m + j1, n + j1, n + j]);
      ring.push([n + j, n + j1, SILHOUETTE[j]!], [n + j1, SILHOUETTE[j1]!, SILHOUETTE[j]!]);
    }
    const faceTris: number[][] = [];
    for (let k = 0; k < tri.length; k += 3) faceTris.push([tri[k]!, tri[k + 1]!, tri[k + 2]!]);
    faceTris.sort((p, q) => q.reduce((s, i) => s + dst[i]![2], 0) - p.reduce((s, i) => s + dst[i]![2], 0));
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(scene, 0, 0);
    ring.forEach((t) => drawTriangle(ctx, scene, t.map((i) => texAll[i]!), t.map((i) => [dst[i]![0], dst[i]![1]] as P2)));
    for (const t of faceTris) {
      const s = t.map((i) => texAll[i]!);
      const d = t.map((i) => [dst[i]![0], dst[i]![1]] as P2);
      if (Math.sign(area(s)) !== Math.sign(area(d))) continue;
      drawTriangle(ctx, scene, s, d);
    }
  };

  const renderPrint = (ctx: CanvasRenderingContext2D, pose: { tiltY: number; tiltX: number; roll: number; dx: number; dy: number; scale: number }) => {
    background(ctx);
    const rad = Math.PI / 180;
    const f = W / 2 / Math.tan(30 * rad);
    const pw = faceWidth * 2.3, ph = faceWidth * 2.9;
    const x0 = centre[0] - pw / 2, y0 = centre[1] - ph * 0.45;
    const project = (u: number, v: number): P2 => {
      let X = (u - centre[0]) * pose.scale, Y = (v - centre[1]) * pose.scale, Z = 0;
      const cy = Math.cos(pose.tiltY * rad), sy = Math.sin(pose.tiltY * rad);
      [X, Z] = [X * cy + Z * sy, -X * sy + Z * cy];
      const cx = Math.cos(pose.tiltX * rad), sx = Math.sin(pose.tiltX * rad);
      [Y, Z] = [Y * cx - Z * sx, Y * sx + Z * cx];
      const cr = Math.cos(pose.roll * rad), sr = Math.sin(pose.roll * rad);
      [X, Y] = [X * cr - Y * sr, X * sr + Y * cr];
      Z += f;
      return [centre[0] + pose.dx + (f * X) / Z, centre[1] + pose.dy + (f * Y) / Z];
    };
    const border = faceWidth * 0.12;
    const corners = [project(x0 - border, y0 - border), project(x0 + pw + border, y0 - border), project(x0 + pw + border, y0 + ph + border), project(x0 - border, y0 + ph + border)];
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#f4f2ee';
    ctx.beginPath();
    corners.forEach(([x, y], k) => (k === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.closePath();
    ctx.fill();
    const N = 12;
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < N; j++) {
        const u0 = x0 + (pw * i) / N, u1 = x0 + (pw * (i + 1)) / N;
        const v0 = y0 + (ph * j) / N, v1 = y0 + (ph * (j + 1)) / N;
        const s: P2[] = [[u0, v0], [u1, v0], [u1, v1], [u0, v1]];
        const d = s.map(([u, v]) => project(u, v));
        drawTriangle(ctx, scene, [s[0]!, s[1]!, s[2]!], [d[0]!, d[1]!, d[2]!]);
        drawTriangle(ctx, scene, [s[0]!, s[2]!, s[3]!], [d[0]!, d[2]!, d[3]!]);
      }
    }
  };

  /** The frame as I420 (BT.601 limited range), base64. */
  const yuv = (): string => {
    const rgba = octx.getImageData(0, 0, W, H).data;
    const bytes = new Uint8Array(W * H * 1.5);
    const cw = W / 2;
    const uOff = W * H;
    const vOff = uOff + (W * H) / 4;
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const i = (y * W + x) * 4;
        bytes[y * W + x] = Math.round(16 + 0.257 * rgba[i]! + 0.504 * rgba[i + 1]! + 0.098 * rgba[i + 2]!);
      }
    }
    for (let y = 0; y < H / 2; y++) {
      for (let x = 0; x < cw; x++) {
        let r = 0, g = 0, b = 0;
        for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
          const i = ((2 * y + dy) * W + 2 * x + dx) * 4;
          r += rgba[i]!;
          g += rgba[i + 1]!;
          b += rgba[i + 2]!;
        }
        r /= 4; g /= 4; b /= 4;
        bytes[uOff + y * cw + x] = Math.round(128 - 0.148 * r - 0.291 * g + 0.439 * b);
        bytes[vOff + y * cw + x] = Math.round(128 + 0.439 * r - 0.368 * g - 0.071 * b);
      }
    }
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  };

  (window as unknown as StudioWindow).studio = {
    async load(kind, images, width, at) {
      sctx.setTransform(1, 0, 0, 1, 0, 0);
      sctx.fillStyle = '#9a9a94';
      sctx.fillRect(0, 0, W, H);
      if (kind === 'scene') {
        await place(sctx, images[0]!, width, at ?? [W / 2, H * 0.4]);
        return { faceWidth: width };
      }
      if (kind === 'pair') {
        second2d.setTransform(1, 0, 0, 1, 0, 0);
        second2d.fillStyle = '#9a9a94';
        second2d.fillRect(0, 0, W, H);
        await place(sctx, images[0]!, width, [W * 0.28, H * 0.46]);
        await place(second2d, images[1]!, width, [W * 0.72, H * 0.46]);
        return { faceWidth: width };
      }
      await place(sctx, images[0]!, width, [W / 2, H * 0.48]);
      const face = (await human.detect(scene)).face[0];
      if (!face) throw new Error(`no face in the scene of ${images[0]}`);
      const mesh = face.mesh as P3[];
      faceWidth = Math.hypot(mesh[454]![0] - mesh[234]![0], mesh[454]![1] - mesh[234]![1]);
      centre = [(mesh[454]![0] + mesh[234]![0]) / 2, (mesh[454]![1] + mesh[234]![1]) / 2];
      const noseDepthRaw = (mesh[454]![2] + mesh[234]![2]) / 2 - mesh[1]![2];
      const depthScale = (0.5 * faceWidth) / (noseDepthRaw || 1);
      base = mesh.slice(0, 468).map((p) => [p[0], p[1], p[2] * depthScale]);
      pivotZ = base[1]![2] + 0.75 * faceWidth;
      neckY = base[152]![1] + 0.3 * faceWidth;
      return { faceWidth };
    },
    person(pose) {
      octx.setTransform(1, 0, 0, 1, 0, 0);
      renderHead(octx, pose as Parameters<typeof renderHead>[1]);
      return yuv();
    },
    print(pose) {
      octx.setTransform(1, 0, 0, 1, 0, 0);
      renderPrint(octx, pose as Parameters<typeof renderPrint>[1]);
      return yuv();
    },
    scene(pose) {
      const { dx, dy } = pose as { dx: number; dy: number };
      octx.setTransform(1, 0, 0, 1, 0, 0);
      octx.fillStyle = '#9a9a94';
      octx.fillRect(0, 0, W, H);
      octx.drawImage(scene, dx, dy);
      return yuv();
    },
    pair(poses) {
      const [a, b] = poses as Array<{ dx: number; dy: number }>;
      octx.setTransform(1, 0, 0, 1, 0, 0);
      octx.fillStyle = '#9a9a94';
      octx.fillRect(0, 0, W, H);
      octx.save();
      octx.beginPath();
      octx.rect(0, 0, W / 2, H);
      octx.clip();
      octx.drawImage(scene, a!.dx, a!.dy);
      octx.restore();
      octx.save();
      octx.beginPath();
      octx.rect(W / 2, 0, W / 2, H);
      octx.clip();
      octx.drawImage(second, b!.dx, b!.dy);
      octx.restore();
      return yuv();
    },
  };
}

function dataUrl(path: string): string {
  const type = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp' }[extname(path).toLowerCase()] ?? 'image/jpeg';
  return `data:${type};base64,${readFileSync(path).toString('base64')}`;
}

async function renderOne(page: Page, spec: FaceVideoSpec, facesDir: string, outDir: string): Promise<string> {
  const images = spec.kind === 'pair' ? spec.images : [spec.image];
  await page.evaluate(
    ([kind, urls, width, at]) => (window as unknown as StudioWindow).studio.load(kind, urls, width, at ?? undefined),
    [spec.kind, images.map((i) => dataUrl(join(facesDir, i))), spec.faceWidth, spec.kind === 'scene' ? spec.centre : null] as const,
  );
  const file = join(outDir, `${spec.name}.y4m`);
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, `YUV4MPEG2 W${VIDEO_WIDTH} H${VIDEO_HEIGHT} F${spec.fps}:1 Ip A1:1 C420jpeg\n`);
    const frames = Math.round(spec.seconds * spec.fps);
    for (let n = 0; n < frames; n++) {
      const t = (n * 1000) / spec.fps;
      let frame: string;
      if (spec.kind === 'person') {
        const pose = personPose(spec, t);
        frame = await page.evaluate((p) => (window as unknown as StudioWindow).studio.person(p), pose);
      } else if (spec.kind === 'scene') {
        const pose = scenePose(spec, t);
        frame = await page.evaluate((p) => (window as unknown as StudioWindow).studio.scene(p), pose);
      } else if (spec.kind === 'print') {
        const pose = printPose(spec, t);
        frame = await page.evaluate((p) => (window as unknown as StudioWindow).studio.print(p), pose);
      } else {
        const poses = pairPose(spec, t);
        frame = await page.evaluate((p) => (window as unknown as StudioWindow).studio.pair(p), poses);
      }
      writeSync(fd, 'FRAME\n');
      writeSync(fd, Buffer.from(frame, 'base64'));
    }
  } finally {
    closeSync(fd);
  }
  return file;
}

/**
 * Renders every spec into `outDir/<name>.y4m` with one headless Chromium, loading Human from the
 * server at `baseUrl` (its /vendor routes). Returns the file paths by name.
 */
export async function makeFaceVideos(baseUrl: string, facesDir: string, outDir: string, specs: readonly FaceVideoSpec[]): Promise<Record<string, string>> {
  mkdirSync(outDir, { recursive: true });
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // tsx names functions with a `__name` helper that does not exist in the page.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    await page.goto(`${baseUrl}/vendor/face-assets.json`);
    const manifest = (await page.evaluate(() => JSON.parse(document.body.innerText))) as {
      human: { script: string; modelBase: string };
      tfjsWasm: { base: string };
    };
    await page.evaluate(installStudio, {
      humanScript: manifest.human.script,
      modelBase: manifest.human.modelBase,
      wasmBase: manifest.tfjsWasm.base,
      width: VIDEO_WIDTH,
      height: VIDEO_HEIGHT,
    });
    const files: Record<string, string> = {};
    for (const spec of specs) files[spec.name] = await renderOne(page, spec, facesDir, outDir);
    if (errors.length > 0) throw new Error(`video studio: ${errors.join('; ')}`);
    return files;
  } finally {
    await browser.close();
  }
}

/**
 * The people the kiosk tests and the bench show to the fake camera. Faces 160 px wide (about 70 cm
 * from the kiosk); a blink or a head turn in every loop so a live check can succeed at any time.
 */
export const KIOSK_VIDEOS = {
  personA: {
    name: 'person-a',
    kind: 'person',
    image: 'deepface-07/img29.jpg',
    seconds: 6,
    fps: 15,
    faceWidth: 160,
    blinks: [[900, 300], [3300, 320]],
    turns: [{ at: 4300, degrees: 18, holdMs: 300 }],
  },
  personB: {
    name: 'person-b',
    kind: 'person',
    image: 'deepface-04/img56.jpg',
    seconds: 6,
    fps: 15,
    faceWidth: 160,
    blinks: [[1100, 300], [3500, 280]],
    turns: [{ at: 4500, degrees: -18, holdMs: 300 }],
  },
  personC: {
    name: 'person-c',
    kind: 'person',
    image: 'deepface-09/img35.jpg',
    seconds: 6,
    fps: 15,
    faceWidth: 160,
    blinks: [[1000, 320], [3400, 300]],
    turns: [{ at: 4400, degrees: 18, holdMs: 300 }],
  },
  /** Person A's photo, printed and held in front of the camera: moved, closer, rolled; never turned. */
  printA: { name: 'print-a', kind: 'print', image: 'deepface-07/img29.jpg', seconds: 8, fps: 15, faceWidth: 160 },
  /**
   * A person gesturing with a hand raised (deepface-05/img59: a speaker holding out his left hand),
   * the whole picture moved slowly with pauses: the hand cursor appears and rests on a choice.
   */
  pointing: {
    name: 'pointing',
    kind: 'scene',
    image: 'deepface-05/img59.jpg',
    seconds: 8,
    fps: 15,
    faceWidth: 150,
    centre: [340, 150],
    path: [[0, 0, 0], [600, 0, 0], [1400, -60, -30], [3400, -60, -30], [4200, 40, 10], [6200, 40, 10], [7400, 0, 0], [8000, 0, 0]],
  },
  /** Two people side by side. */
  pair: { name: 'pair', kind: 'pair', images: ['deepface-09/img35.jpg', 'deepface-13/img24.jpg'], seconds: 4, fps: 15, faceWidth: 130 },
} satisfies Record<string, FaceVideoSpec>;
