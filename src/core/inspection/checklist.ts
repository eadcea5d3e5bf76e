/**
 * The inspection checklist: criteria grouped by the eight PAR-index fields (DOMAIN-VN §3). The default
 * list is where a team starts; it is copied into each plan, where the team edits it. Field 3 (reform of
 * administrative procedures) is spelled out as the evidence an inspector actually asks the one-stop unit
 * for: the tracking book, control slips, apology letters, evaluation results, public posting.
 */
import type { Criterion } from '../../contracts/inspection';
import { AppError } from '../shared/app-error';

export const DEFAULT_CHECKLIST: readonly Criterion[] = [
  { id: '1.1', field: 1, code: '1.1', text: 'Ban hành kế hoạch CCHC năm đúng thời hạn, đầy đủ nhiệm vụ', evidenceHint: 'Kế hoạch CCHC năm, quyết định ban hành' },
  { id: '1.2', field: 1, code: '1.2', text: 'Báo cáo CCHC định kỳ (quý, 6 tháng, năm) đầy đủ, đúng hạn', evidenceHint: 'Các báo cáo đã gửi, ngày gửi' },
  { id: '1.3', field: 1, code: '1.3', text: 'Tự kiểm tra CCHC và khắc phục tồn tại sau kiểm tra', evidenceHint: 'Kế hoạch, biên bản tự kiểm tra; báo cáo khắc phục' },
  { id: '1.4', field: 1, code: '1.4', text: 'Tuyên truyền CCHC', evidenceHint: 'Tin bài, pa-nô, hội nghị' },
  { id: '2.1', field: 2, code: '2.1', text: 'Rà soát, kiểm tra văn bản theo thẩm quyền', evidenceHint: 'Kế hoạch, kết quả rà soát văn bản' },
  { id: '2.2', field: 2, code: '2.2', text: 'Theo dõi thi hành pháp luật', evidenceHint: 'Báo cáo theo dõi thi hành pháp luật' },
  { id: '3.1', field: 3, code: '3.1', text: 'Công khai đầy đủ, đúng quy định thủ tục hành chính tại nơi tiếp nhận và trên cổng thông tin', evidenceHint: 'Ảnh chụp bảng/màn hình niêm yết; danh mục thủ tục công khai' },
  { id: '3.2', field: 3, code: '3.2', text: 'Tỷ lệ hồ sơ giải quyết đúng hạn', evidenceHint: 'Trích Sổ theo dõi hồ sơ; Bộ chỉ số 766' },
  { id: '3.3', field: 3, code: '3.3', text: 'Hồ sơ quá hạn có Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04)', evidenceHint: 'Phiếu xin lỗi (Mẫu 04) của kỳ kiểm tra' },
  { id: '3.4', field: 3, code: '3.4', text: 'Lập, cập nhật đầy đủ Sổ theo dõi hồ sơ (Mẫu 07)', evidenceHint: 'Trích Sổ theo dõi hồ sơ của kỳ kiểm tra' },
  { id: '3.5', field: 3, code: '3.5', text: 'Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 06) đi kèm từng hồ sơ, ghi đủ các bước', evidenceHint: 'Phiếu kiểm soát (Mẫu 06) của kỳ kiểm tra' },
  { id: '3.6', field: 3, code: '3.6', text: 'Thực hiện cơ chế một cửa, một cửa liên thông đúng quy trình', evidenceHint: 'Quy trình nội bộ, quyết định phân công, hồ sơ mẫu' },
  { id: '3.7', field: 3, code: '3.7', text: 'Cung cấp và tỷ lệ hồ sơ dịch vụ công trực tuyến', evidenceHint: 'Bộ chỉ số 766 (nhóm dịch vụ công trực tuyến)' },
  { id: '3.8', field: 3, code: '3.8', text: 'Tiếp nhận, xử lý phản ánh, kiến nghị đúng hạn và công khai kết quả', evidenceHint: 'Danh sách phản ánh, kiến nghị và kết quả xử lý' },
  { id: '3.9', field: 3, code: '3.9', text: 'Đánh giá chất lượng giải quyết thủ tục hành chính (9 chỉ số)', evidenceHint: 'Kết quả đánh giá 9 chỉ số theo quý' },
  { id: '4.1', field: 4, code: '4.1', text: 'Thực hiện quy định về chức năng, nhiệm vụ, cơ cấu tổ chức', evidenceHint: 'Quyết định quy định chức năng, nhiệm vụ' },
  { id: '5.1', field: 5, code: '5.1', text: 'Bố trí công chức đúng vị trí việc làm tại bộ phận một cửa', evidenceHint: 'Quyết định phân công, danh sách công chức' },
  { id: '5.2', field: 5, code: '5.2', text: 'Chấp hành kỷ luật, kỷ cương hành chính, văn hóa công vụ', evidenceHint: 'Sổ theo dõi, camera, biên bản kiểm tra đột xuất' },
  { id: '6.1', field: 6, code: '6.1', text: 'Thực hiện cơ chế tự chủ, công khai tài chính', evidenceHint: 'Quy chế chi tiêu nội bộ, báo cáo công khai' },
  { id: '7.1', field: 7, code: '7.1', text: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', evidenceHint: 'Bộ chỉ số 766 (nhóm số hóa)' },
  { id: '7.2', field: 7, code: '7.2', text: 'Áp dụng ISO 9001:2015 trong giải quyết thủ tục hành chính', evidenceHint: 'Quy trình ISO, biên bản đánh giá nội bộ' },
  { id: '8.1', field: 8, code: '8.1', text: 'Mức độ hài lòng của người dân, tổ chức', evidenceHint: 'Kết quả khảo sát, đánh giá của người dân' },
];

/**
 * A checklist a plan may hold: at least one criterion, ids unique (verdicts refer to them), every
 * criterion under one of the eight fields.
 */
export function checkChecklist(list: readonly Criterion[]): Criterion[] {
  if (list.length === 0) throw new AppError('VALIDATION_FAILED', { detail: 'danh mục kiểm tra cần ít nhất một tiêu chí' });
  const seen = new Set<string>();
  for (const c of list) {
    if (seen.has(c.id)) throw new AppError('VALIDATION_FAILED', { detail: `tiêu chí "${c.id}" bị trùng mã` });
    seen.add(c.id);
    if (!Number.isInteger(c.field) || c.field < 1 || c.field > 8) {
      throw new AppError('VALIDATION_FAILED', { detail: `tiêu chí "${c.id}": lĩnh vực phải từ 1 đến 8` });
    }
  }
  // Grouped by field, in the order given within a field.
  return [...list].sort((a, b) => a.field - b.field);
}
