/**
 * The board's voice: a chime, then the call read by the browser's Vietnamese speech voice
 * (Web Speech API, offline on Windows and most kiosk systems). Calls are queued so two counters
 * calling at once are both heard in full.
 */

let audio: AudioContext | null = null;
const queue: { text: string; lang: string; rate: number; repeat: number }[] = [];
let speaking = false;

/** Two-tone chime, synthesised: no sound files to ship or fetch. */
export function chime(): Promise<void> {
  try {
    audio ??= new AudioContext();
    // A context created before any user gesture starts suspended; kiosk browsers started with
    // --autoplay-policy=no-user-gesture-required let it resume.
    if (audio.state === 'suspended') void audio.resume();
    const start = audio.currentTime;
    for (const [i, freq] of [659.25, 523.25].entries()) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, start + i * 0.45);
      gain.gain.exponentialRampToValueAtTime(0.4, start + i * 0.45 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.45 + 0.42);
      osc.connect(gain).connect(audio.destination);
      osc.start(start + i * 0.45);
      osc.stop(start + i * 0.45 + 0.45);
    }
  } catch {
    // No audio device: the board still shows the call.
  }
  return new Promise((resolve) => setTimeout(resolve, 950));
}

function voiceFor(lang: string): SpeechSynthesisVoice | null {
  if (!('speechSynthesis' in window)) return null;
  const voices = speechSynthesis.getVoices();
  return voices.find((v) => v.lang.toLowerCase().startsWith(lang.toLowerCase())) ?? null;
}

/** Whether this browser has a voice for the language (the manage page warns when not). */
export function hasVoice(lang: string): boolean {
  return voiceFor(lang) !== null;
}

function speakOnce(text: string, lang: string, rate: number): Promise<void> {
  return new Promise((resolve) => {
    if (!('speechSynthesis' in window)) return resolve();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang === 'vi' ? 'vi-VN' : 'en-US';
    const voice = voiceFor(lang);
    if (voice) utterance.voice = voice;
    utterance.rate = rate;
    const done = () => resolve();
    utterance.onend = done;
    utterance.onerror = done;
    // Engines without a voice never fire 'end'; do not block the queue on them.
    setTimeout(done, 2000 + text.length * 150);
    speechSynthesis.speak(utterance);
  });
}

export function announce(text: string, options: { lang: string; rate: number; repeat: number }): void {
  queue.push({ text, ...options });
  if (!speaking) void drain();
}

async function drain(): Promise<void> {
  speaking = true;
  while (queue.length > 0) {
    const next = queue.shift()!;
    await chime();
    for (let i = 0; i < next.repeat; i++) await speakOnce(next.text, next.lang, next.rate);
  }
  speaking = false;
}
