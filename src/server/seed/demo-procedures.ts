/**
 * A few commune-level procedures for the demo ward, written from the national catalogue's published
 * facts (DOMAIN-VN §6.2: codes, names, times, fees), so `npm start` can receive dossiers before a
 * manager imports the full catalogue.
 */
import { defaultSteps } from '../../core/catalogue/default-steps';
import type { ProcedureDraft, RequiredDocument } from '../../core/catalogue/procedure';
import type { ProcessingTime } from '../../core/calendar/calendar-types';

const doc = (name: string, copies = '1 bản chính', mandatory = true): RequiredDocument => ({ name, copies, mandatory });

function procedure(
  code: string,
  name: string,
  fieldName: string,
  time: ProcessingTime,
  feeDong: number | null,
  feeText: string,
  documents: RequiredDocument[],
  online?: ProcessingTime,
): ProcedureDraft {
  const rule = (channel: 'direct' | 'online', t: ProcessingTime) => ({
    channel,
    amount: t.unit === 'same-day' ? 1 : t.amount,
    unit: t.unit,
    feeDong,
    feeText,
    description: '',
  });
  return {
    code,
    name,
    fieldName,
    decision: 'Dữ liệu mẫu',
    level: 'Cấp xã',
    agency: 'Ủy ban nhân dân cấp xã',
    rules: [rule('direct', time), rule('online', online ?? time)],
    documents,
    steps: defaultSteps(time),
    cutoff: time.cutoff ?? null,
    resultText: '',
    legalBasis: '',
    source: 'demo',
  };
}

export const DEMO_PROCEDURES: ProcedureDraft[] = [
  procedure('1.001193', 'Thủ tục đăng ký khai sinh', 'Hộ tịch', { amount: 1, unit: 'same-day', cutoff: '15:00' }, 0, 'Miễn lệ phí', [
    doc('Tờ khai đăng ký khai sinh theo mẫu'),
    doc('Giấy chứng sinh hoặc văn bản của người làm chứng'),
    doc('Văn bản ủy quyền (nếu ủy quyền đăng ký)', '1 bản chính', false),
  ]),
  procedure('1.004873', 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân', 'Hộ tịch', { amount: 3, unit: 'working-days' }, null, 'Theo Nghị quyết của HĐND tỉnh', [
    doc('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu'),
    doc('Bản án, quyết định ly hôn hoặc giấy chứng tử của vợ/chồng (nếu có)', '1 bản sao', false),
  ]),
  procedure('2.000815', 'Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản', 'Chứng thực', { amount: 1, unit: 'same-day', cutoff: '15:00' }, 2000, '2.000 đồng/trang; từ trang thứ ba 1.000 đồng/trang, tối đa 200.000 đồng/bản', [
    doc('Bản chính giấy tờ, văn bản cần chứng thực'),
    doc('Bản sao cần chứng thực', '1 bản sao'),
  ]),
  procedure('2.000908', 'Thủ tục cấp bản sao từ sổ gốc', 'Chứng thực', { amount: 1, unit: 'working-days' }, 0, 'Miễn phí', [
    doc('Giấy tờ tùy thân của người yêu cầu', '1 bản xuất trình'),
  ]),
  procedure('1.001612', 'Đăng ký thành lập hộ kinh doanh', 'Thành lập và hoạt động của hộ kinh doanh', { amount: 3, unit: 'working-days' }, 150000, 'Theo Nghị quyết của HĐND tỉnh', [
    doc('Giấy đề nghị đăng ký hộ kinh doanh'),
    doc('Bản sao biên bản họp thành viên hộ gia đình (nếu các thành viên cùng thành lập)', '1 bản sao', false),
  ]),
  procedure(
    '1.013225',
    'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV (công trình không theo tuyến, nhà ở riêng lẻ)',
    'Hoạt động xây dựng',
    { amount: 15, unit: 'days' },
    75000,
    'Theo Nghị quyết của HĐND tỉnh',
    [
      doc('Đơn đề nghị cấp giấy phép xây dựng theo mẫu'),
      doc('Giấy tờ chứng minh quyền sử dụng đất', '1 bản sao'),
      doc('Hai bộ bản vẽ thiết kế xây dựng', '2 bản chính'),
    ],
    { amount: 20, unit: 'days' },
  ),
];
